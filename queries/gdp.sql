-- title: GDP by district and year
-- description: Gross regional product (indicator gdp, CNY) and its growth by district and year, with GDP per capita (gdp_per_capita) where stated.
-- params: :district :year
-- columns: district TEXT, year INTEGER, gdp REAL amount, unit TEXT, growth_pct REAL, gdp_per_capita REAL amount, per_capita_growth_pct REAL, modality TEXT, documents INTEGER, doc TEXT
--
-- One row per district and year that has a GDP or GDP-per-capita claim in
-- CNY (or a bare growth rate). When several claims state one figure, the
-- chosen one is the one the view claims_ranked prefers
-- (schema/004_report_indexes.sql): actual before target/plan/forecast, one
-- with a value before a bare rate, the latest document, the first in the
-- text.
WITH stated AS (
  SELECT r.district, r.year, r.indicator_code, r.value, r.growth_pct, r.modality, r.doc, r.preference
  FROM claims_ranked r
  WHERE r.indicator_code IN ('gdp', 'gdp_per_capita')
    AND (r.unit = 'CNY' OR r.value IS NULL)
    AND r.district IS NOT NULL AND r.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR r.district = :district)
    AND (nullif(:year, '') IS NULL OR r.year = CAST(:year AS INTEGER))
),
years AS (
  SELECT district, year,
         count(DISTINCT doc) AS documents,
         -- the preferred claim of each indicator, packed so that one pass finds both
         max(CASE WHEN indicator_code = 'gdp' THEN preference END) AS gdp_pick,
         max(CASE WHEN indicator_code = 'gdp_per_capita' THEN preference END) AS per_capita_pick
  FROM stated
  GROUP BY district, year
)
SELECT y.district, y.year, g.value AS gdp, 'CNY' AS unit, g.growth_pct,
       p.value AS gdp_per_capita, p.growth_pct AS per_capita_growth_pct,
       coalesce(g.modality, p.modality) AS modality, y.documents, coalesce(g.doc, p.doc) AS doc
FROM years y
LEFT JOIN stated g ON g.preference = y.gdp_pick AND g.district = y.district AND g.year = y.year
                  AND g.indicator_code = 'gdp'
LEFT JOIN stated p ON p.preference = y.per_capita_pick AND p.district = y.district AND p.year = y.year
                  AND p.indicator_code = 'gdp_per_capita'
ORDER BY y.district, y.year
