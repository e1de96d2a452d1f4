-- title: GDP by district and year
-- description: Gross regional product (indicator gdp, CNY) and its growth by district and year, with GDP per capita (gdp_per_capita) where stated.
-- params: :district :year
-- columns: district TEXT, year INTEGER, gdp REAL amount, unit TEXT, growth_pct REAL, gdp_per_capita REAL amount, per_capita_growth_pct REAL, modality TEXT, documents INTEGER, doc TEXT
--
-- One row per district and year that has a GDP or GDP-per-capita claim in
-- CNY (or a bare growth rate). When several claims state one figure, the
-- chosen one is: actual before target/plan/forecast, one with a value
-- before a bare rate, the latest document, the first in the text.
WITH stated AS (
  SELECT c.doc, c.span_start, c.district, c.indicator_code, c.year, c.value, c.growth_pct, c.modality,
         d.year AS doc_year, coalesce(d.date, '') AS doc_date
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  WHERE c.indicator_code IN ('gdp', 'gdp_per_capita')
    AND (c.unit = 'CNY' OR c.value IS NULL)
    AND c.district IS NOT NULL AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY district, year, indicator_code
                            ORDER BY modality = 'actual' DESC, value IS NOT NULL DESC, doc_year DESC,
                                     doc_date DESC, doc DESC, span_start) AS pick
  FROM stated
),
years AS (
  SELECT district, year, count(DISTINCT doc) AS documents FROM stated GROUP BY district, year
)
SELECT y.district, y.year, g.value AS gdp, 'CNY' AS unit, g.growth_pct,
       p.value AS gdp_per_capita, p.growth_pct AS per_capita_growth_pct,
       coalesce(g.modality, p.modality) AS modality, y.documents, coalesce(g.doc, p.doc) AS doc
FROM years y
LEFT JOIN ranked g ON g.district = y.district AND g.year = y.year AND g.indicator_code = 'gdp' AND g.pick = 1
LEFT JOIN ranked p ON p.district = y.district AND p.year = y.year AND p.indicator_code = 'gdp_per_capita' AND p.pick = 1
ORDER BY y.district, y.year
