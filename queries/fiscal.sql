-- title: Fiscal revenue, tax relief and refunds
-- description: General public budget revenue, tax revenue, tax and fee relief, tax refunds and other fiscal figures (category fiscal) by district and year.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, indicator_code TEXT, indicator_name TEXT, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, indicator_phrase TEXT, quote TEXT, doc TEXT
--
-- One row per (district, year, indicator_code, unit). The chosen claim is:
-- actual before target/plan/forecast, one with a value before a bare rate,
-- the latest document, the first in the text. values_stated lists (JSON)
-- every distinct value stated for the row, e.g. two different refunds.
WITH stated AS (
  SELECT c.doc, c.span_start, c.district, c.year, c.indicator_code, c.unit, c.value, c.growth_pct,
         c.modality, c.indicator AS indicator_phrase, c.quote, d.year AS doc_year,
         coalesce(d.date, '') AS doc_date
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  JOIN indicators i ON i.code = c.indicator_code
  WHERE i.category = 'fiscal'
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY district, year, indicator_code, unit
                            ORDER BY modality = 'actual' DESC, value IS NOT NULL DESC, doc_year DESC,
                                     doc_date DESC, doc DESC, span_start) AS pick
  FROM stated
),
counted AS (
  SELECT district, year, indicator_code, unit, count(DISTINCT doc) AS documents, count(*) AS claims,
         json_group_array(DISTINCT value) FILTER (WHERE value IS NOT NULL) AS values_stated
  FROM (SELECT * FROM stated ORDER BY value DESC)
  GROUP BY district, year, indicator_code, unit
)
SELECT r.district, r.year, r.indicator_code, i.name_zh AS indicator_name, r.modality, r.value, r.unit,
       r.growth_pct, n.documents, n.claims, n.values_stated, r.indicator_phrase, r.quote, r.doc
FROM ranked r
JOIN counted n ON n.district IS r.district AND n.year IS r.year AND n.indicator_code = r.indicator_code
              AND n.unit IS r.unit
JOIN indicators i ON i.code = r.indicator_code
WHERE r.pick = 1
ORDER BY r.district, r.year, r.indicator_code, r.unit
