-- title: Coverage
-- description: Which indicators are stated for which districts and years: claims, documents, actual vs target/plan/forecast, with value and with growth.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, category TEXT, indicator_code TEXT, indicator_name TEXT, claims INTEGER, documents INTEGER, actual INTEGER, targets_plans_forecasts INTEGER, with_value INTEGER, with_growth INTEGER, units TEXT
--
-- Claims with an indicator code only. units is a JSON array of the units
-- the figures are in (null for a bare rate of change).
SELECT c.district, c.year, i.category, c.indicator_code, i.name_zh AS indicator_name,
       count(*) AS claims, count(DISTINCT c.doc) AS documents,
       sum(c.modality = 'actual') AS actual, sum(c.modality <> 'actual') AS targets_plans_forecasts,
       count(c.value) AS with_value, count(c.growth_pct) AS with_growth,
       json_group_array(DISTINCT c.unit) AS units
FROM (SELECT * FROM claims ORDER BY unit) c
LEFT JOIN indicators i ON i.code = c.indicator_code
WHERE c.indicator_code IS NOT NULL
  AND (nullif(:district, '') IS NULL OR c.district = :district)
  AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
  AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
GROUP BY c.district, c.year, c.indicator_code
ORDER BY c.district, c.year, i.category, c.indicator_code
