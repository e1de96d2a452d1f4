-- title: Coverage
-- description: Which indicators are stated for which districts and years: claims, documents, actual vs target/plan/forecast, with value and with growth.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, category TEXT, indicator_code TEXT, indicator_name TEXT, claims INTEGER, documents INTEGER, actual INTEGER, targets_plans_forecasts INTEGER, with_value INTEGER, with_growth INTEGER, units TEXT
--
-- Claims with an indicator code only, one row per district, year and
-- indicator code, in that order. units is a JSON array of the units the
-- figures are in, ascending (null for a bare rate of change).
--
-- One pass over the index claims_coverage (schema/004_report_indexes.sql),
-- which holds a row's claims together and their units in order; the outer
-- query only adds the indicator's name and category (no second sort).
WITH counts AS (
  SELECT c.district, c.year, c.indicator_code,
         count(*) AS claims, count(DISTINCT c.doc) AS documents,
         sum(c.modality = 'actual') AS actual, sum(c.modality <> 'actual') AS targets_plans_forecasts,
         count(c.value) AS with_value, count(c.growth_pct) AS with_growth,
         json_group_array(DISTINCT c.unit) AS units
  FROM claims c INDEXED BY claims_coverage
  WHERE c.indicator_code IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR c.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  GROUP BY c.district, c.year, c.indicator_code
  ORDER BY c.district, c.year, c.indicator_code
)
SELECT n.district, n.year, i.category, n.indicator_code, i.name_zh AS indicator_name,
       n.claims, n.documents, n.actual, n.targets_plans_forecasts, n.with_value, n.with_growth, n.units
FROM counts n
LEFT JOIN indicators i ON i.code = n.indicator_code
