-- title: Fiscal revenue, tax relief and refunds
-- description: General public budget revenue, tax revenue, tax and fee relief, tax refunds and other fiscal figures (category fiscal) by district and year.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, indicator_code TEXT, indicator_name TEXT, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, indicator_phrase TEXT, quote TEXT, doc TEXT
--
-- One row per (district, year, indicator_code, unit). The chosen claim is
-- the one the view claims_ranked prefers (schema/004_report_indexes.sql):
-- actual before target/plan/forecast, one with a value before a bare rate,
-- the latest document, the first in the text. values_stated lists (JSON,
-- ascending) every distinct value stated for the row, e.g. two different
-- refunds.
WITH chosen AS (
  SELECT r.district, r.year, r.indicator_code, r.unit,
         count(DISTINCT r.doc) AS documents, count(*) AS claims,
         json_group_array(DISTINCT r.value) FILTER (WHERE r.value IS NOT NULL) AS values_stated,
         max(r.preference) AS preference,  -- the other columns come from this claim (SQLite's bare columns)
         r.modality, r.value, r.growth_pct, r.indicator AS indicator_phrase, r.quote, r.doc
  FROM claims_ranked r
  WHERE r.indicator_code IN (SELECT code FROM indicators WHERE category = 'fiscal')
    AND (nullif(:district, '') IS NULL OR r.district = :district)
    AND (nullif(:year, '') IS NULL OR r.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR r.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  GROUP BY r.district, r.indicator_code, r.year, r.unit
)
SELECT n.district, n.year, n.indicator_code, i.name_zh AS indicator_name, n.modality, n.value, n.unit, n.growth_pct,
       n.documents, n.claims, n.values_stated, n.indicator_phrase, n.quote, n.doc
FROM chosen n
LEFT JOIN indicators i ON i.code = n.indicator_code
ORDER BY n.district, n.year, n.indicator_code, n.unit
