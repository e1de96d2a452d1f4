-- title: Growth leaders
-- description: The five fastest-growing indicators per district and year (actual figures with a growth rate, ranked by growth_pct).
-- params: :district :year
-- columns: district TEXT, year INTEGER, growth_rank INTEGER, indicator_code TEXT, indicator_name TEXT, growth_pct REAL, value REAL amount, unit TEXT, ranked_indicators INTEGER, quote TEXT, doc TEXT
--
-- One growth rate per (district, year, indicator_code): a claim with a
-- value before a bare rate, then the latest document, then the first in
-- the text. growth_rank is rank() by growth_pct, highest first (ties share
-- a rank); ranked_indicators is how many indicators were ranked.
WITH stated AS (
  SELECT c.doc, c.span_start, c.district, c.year, c.indicator_code, c.unit, c.value, c.growth_pct,
         c.quote, d.year AS doc_year, coalesce(d.date, '') AS doc_date
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  WHERE c.modality = 'actual' AND c.growth_pct IS NOT NULL AND c.indicator_code IS NOT NULL
    AND c.district IS NOT NULL AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
),
chosen AS (
  SELECT *
  FROM (SELECT *,
               row_number() OVER (PARTITION BY district, year, indicator_code
                                  ORDER BY value IS NOT NULL DESC, doc_year DESC, doc_date DESC, doc DESC,
                                           span_start) AS pick
        FROM stated)
  WHERE pick = 1
),
ranked AS (
  SELECT *,
         rank() OVER (PARTITION BY district, year ORDER BY growth_pct DESC) AS growth_rank,
         count(*) OVER (PARTITION BY district, year) AS ranked_indicators
  FROM chosen
)
SELECT r.district, r.year, r.growth_rank, r.indicator_code, i.name_zh AS indicator_name, r.growth_pct,
       r.value, r.unit, r.ranked_indicators, r.quote, r.doc
FROM ranked r
LEFT JOIN indicators i ON i.code = r.indicator_code
WHERE r.growth_rank <= 5
ORDER BY r.district, r.year, r.growth_rank, r.indicator_code
