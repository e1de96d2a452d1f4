-- title: Growth leaders
-- description: The five fastest-growing indicators per district and year (actual figures with a growth rate, ranked by growth_pct).
-- params: :district :year
-- columns: district TEXT, year INTEGER, growth_rank INTEGER, indicator_code TEXT, indicator_name TEXT, growth_pct REAL, value REAL amount, unit TEXT, ranked_indicators INTEGER, quote TEXT, doc TEXT
--
-- One growth rate per (district, year, indicator_code): the claim the view
-- claims_ranked prefers (schema/004_report_indexes.sql): one with a value
-- before a bare rate, then the latest document, then the first in the
-- text. growth_rank is rank() by growth_pct, highest first (ties share a
-- rank); ranked_indicators is how many indicators were ranked.
WITH chosen AS (
  SELECT r.district, r.year, r.indicator_code,
         max(r.preference) AS preference,  -- the other columns come from this claim (SQLite's bare columns)
         r.growth_pct, r.value, r.unit, r.quote, r.doc
  FROM claims_ranked r
  WHERE r.modality = 'actual' AND r.growth_pct IS NOT NULL
    AND r.district IS NOT NULL AND r.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR r.district = :district)
    AND (nullif(:year, '') IS NULL OR r.year = CAST(:year AS INTEGER))
  GROUP BY r.district, r.indicator_code, r.year
),
ranked AS (
  SELECT *,
         rank() OVER by_growth AS growth_rank,
         count(*) OVER (by_growth RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS ranked_indicators
  FROM chosen
  WINDOW by_growth AS (PARTITION BY district, year ORDER BY growth_pct DESC)
)
SELECT r.district, r.year, r.growth_rank, r.indicator_code, i.name_zh AS indicator_name, r.growth_pct,
       r.value, r.unit, r.ranked_indicators, r.quote, r.doc
FROM ranked r
LEFT JOIN indicators i ON i.code = r.indicator_code
WHERE r.growth_rank <= 5
ORDER BY r.district, r.year, r.growth_rank, r.indicator_code
