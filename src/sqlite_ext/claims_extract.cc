// The table-valued function claims_extract(text [, year [, district]]):
// the claims the extractor finds in `text`, one row each, with the columns
// of claims_flat's contract (shared/CLAIM_MODEL.md) — doc is NULL, offsets
// are code points into `text`:
//   SELECT quote, value, unit, growth_pct, year
//   FROM claims_extract('去年全区实现地区生产总值1170.1亿元，增长6.1%', 2020, '海曙区');
// `year` is the year the text was written (it resolves 今年/去年), `district`
// the district it is about. An eponymous virtual table: no CREATE needed.
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "claimdb/extractor.h"
#include "sqlite_ext/ext.h"
#include "util/utf.h"

namespace claimdb::sqlite_ext {

namespace {

enum Col {
  kDoc, kSpanStart, kSpanEnd, kQuote, kValue, kUnit, kQualifier, kValueLow, kValueHigh, kGrowthPct, kYear,
  kDistrict, kIndicator, kModality, kUnitDimension, kGrowthPp, kGrowthBasis, kYearBasis, kPeriod, kDistrictCode,
  kIndicatorCode, kRank,
  kArgText, kArgYear, kArgDistrict,  // hidden: the function's arguments
};

const char* kSchema =
    "CREATE TABLE x(doc TEXT, span_start INTEGER, span_end INTEGER, quote TEXT, value REAL, unit TEXT,"
    " qualifier TEXT, value_low REAL, value_high REAL, growth_pct REAL, year INTEGER, district TEXT,"
    " indicator TEXT, modality TEXT, unit_dimension TEXT, growth_pp REAL, growth_basis TEXT, year_basis TEXT,"
    " period TEXT, district_code TEXT, indicator_code TEXT, rank TEXT,"
    " text HIDDEN, doc_year HIDDEN, doc_district HIDDEN)";

// The extractor loads its tables once and is shareable across threads.
const Extractor& extractor() {
  static const Extractor* e = new Extractor();
  return *e;
}

struct Cursor {
  sqlite3_vtab_cursor base{};
  std::vector<Claim> claims;
  size_t row = 0;
};

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(db, kSchema);
  if (rc != SQLITE_OK) return rc;
  auto* vtab = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
  if (!vtab) return SQLITE_NOMEM;
  std::memset(vtab, 0, sizeof *vtab);
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *out = vtab;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

// The arguments arrive as equality constraints on the hidden columns;
// idxNum has bit k set when argument k (text, year, district) is given.
int best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
  int where[3] = {-1, -1, -1};
  bool unusable_text = false;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn < kArgText || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) {
      if (c.iColumn == kArgText) unusable_text = true;
      continue;
    }
    where[c.iColumn - kArgText] = i;
  }
  if (where[0] < 0) {
    if (unusable_text) return SQLITE_CONSTRAINT;  // try another join order
    sqlite3_free(vtab->zErrMsg);
    vtab->zErrMsg = sqlite3_mprintf("claims_extract(text [, year [, district]]) needs the text to read");
    return SQLITE_ERROR;
  }
  int arg = 0, mask = 0;
  for (int k = 0; k < 3; ++k) {
    if (where[k] < 0) continue;
    info->aConstraintUsage[where[k]].argvIndex = ++arg;
    info->aConstraintUsage[where[k]].omit = 1;
    mask |= 1 << k;
  }
  info->idxNum = mask;
  info->estimatedCost = 1000;
  info->estimatedRows = 20;
  return SQLITE_OK;
}

int vt_open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  auto* c = new (std::nothrow) Cursor;
  if (!c) return SQLITE_NOMEM;
  *out = &c->base;
  return SQLITE_OK;
}

int vt_close(sqlite3_vtab_cursor* cur) {
  delete reinterpret_cast<Cursor*>(cur);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cur, int mask, const char*, int argc, sqlite3_value** argv) {
  auto* c = reinterpret_cast<Cursor*>(cur);
  c->claims.clear();
  c->row = 0;
  sqlite3_value* args[3] = {nullptr, nullptr, nullptr};
  for (int k = 0, a = 0; k < 3 && a < argc; ++k)
    if (mask & (1 << k)) args[k] = argv[a++];
  if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL) return SQLITE_OK;  // no text, no claims
  DocContext ctx;
  if (args[1] && sqlite3_value_type(args[1]) != SQLITE_NULL) ctx.year = sqlite3_value_int(args[1]);
  if (args[2] && sqlite3_value_type(args[2]) != SQLITE_NULL)
    ctx.district = reinterpret_cast<const char*>(sqlite3_value_text(args[2]));
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  try {
    std::u32string body = utf8_to_u32(std::string_view(text ? text : "", sqlite3_value_bytes(args[0])));
    c->claims = extractor().extract(body, ctx).claims;
  } catch (const std::exception& e) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf("claims_extract: %s", e.what());
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cur) {
  ++reinterpret_cast<Cursor*>(cur)->row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cur) {
  auto* c = reinterpret_cast<Cursor*>(cur);
  return c->row >= c->claims.size();
}

void text_or_null(sqlite3_context* ctx, const std::string& s) {
  if (s.empty()) sqlite3_result_null(ctx);
  else sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void real_or_null(sqlite3_context* ctx, const std::optional<double>& v) {
  if (v) sqlite3_result_double(ctx, *v);
  else sqlite3_result_null(ctx);
}

int column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int col) {
  const Claim& k = reinterpret_cast<Cursor*>(cur)->claims[reinterpret_cast<Cursor*>(cur)->row];
  switch (col) {
    case kDoc: sqlite3_result_null(ctx); break;
    case kSpanStart: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(k.span_start)); break;
    case kSpanEnd: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(k.span_end)); break;
    case kQuote: text_or_null(ctx, k.quote); break;
    case kValue: real_or_null(ctx, k.value); break;
    case kUnit: text_or_null(ctx, k.unit); break;
    case kQualifier: text_or_null(ctx, k.qualifier.empty() ? std::string("exact") : k.qualifier); break;
    case kValueLow: real_or_null(ctx, k.value_low); break;
    case kValueHigh: real_or_null(ctx, k.value_high); break;
    case kGrowthPct: real_or_null(ctx, k.growth_pct); break;
    case kYear:
      if (k.year) sqlite3_result_int(ctx, *k.year); else sqlite3_result_null(ctx);
      break;
    case kDistrict: text_or_null(ctx, k.district); break;
    case kIndicator: text_or_null(ctx, k.indicator); break;
    case kModality: text_or_null(ctx, k.modality.empty() ? std::string("actual") : k.modality); break;
    case kUnitDimension: text_or_null(ctx, k.unit_dimension); break;
    case kGrowthPp: real_or_null(ctx, k.growth_pp); break;
    case kGrowthBasis: text_or_null(ctx, k.growth_basis); break;
    case kYearBasis: text_or_null(ctx, k.year_basis); break;
    case kPeriod: text_or_null(ctx, k.period); break;
    case kDistrictCode: text_or_null(ctx, k.district_code); break;
    case kIndicatorCode: text_or_null(ctx, k.indicator_code); break;
    case kRank: text_or_null(ctx, k.rank); break;
    default: sqlite3_result_null(ctx); break;  // hidden argument columns
  }
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cur, sqlite3_int64* out) {
  *out = static_cast<sqlite3_int64>(reinterpret_cast<Cursor*>(cur)->row) + 1;
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m{};
  m.iVersion = 0;
  m.xCreate = nullptr;  // eponymous only
  m.xConnect = connect;
  m.xBestIndex = best_index;
  m.xDisconnect = disconnect;
  m.xDestroy = disconnect;
  m.xOpen = vt_open;
  m.xClose = vt_close;
  m.xFilter = filter;
  m.xNext = next;
  m.xEof = eof;
  m.xColumn = column;
  m.xRowid = rowid;
  return m;
}

}  // namespace

int register_claims_extract(sqlite3* db, char** error) {
  static const sqlite3_module module = make_module();
  int rc = sqlite3_create_module(db, "claims_extract", &module, nullptr);
  if (rc != SQLITE_OK) *error = sqlite3_mprintf("claimdb_sqlite: cannot register claims_extract");
  return rc;
}

}  // namespace claimdb::sqlite_ext
