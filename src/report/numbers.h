// How report numbers are written: never in scientific notation. Plain
// text for machines (117010000000.0), and for people a short form in
// 万/亿 (1170.1亿) beside the full amount with thousands separators
// (117,010,000,000).
#pragma once
#include <string>

namespace claimdb::report {

// Shortest fixed-point text that reads back as v: 6.1, 117010000000, 0.25.
std::string plain_number(double v);

// plain_number with ".0" added to whole numbers, so a REAL stays
// recognisably real in CSV and JSON: 117010000000.0, 6.1.
std::string real_literal(double v);

// 117010000000 -> "117,010,000,000"; 1234.5 -> "1,234.5".
std::string full_amount(double v);

// 117010000000 -> "1170.1亿", 123000 -> "12.3万", 57 -> "57": at most two
// decimals, from 1e4 on in 万 and from 1e8 on in 亿.
std::string readable_amount(double v);

}  // namespace claimdb::report
