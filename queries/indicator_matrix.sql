-- title: Indicator matrix
-- description: Every district x indicator x year (x unit) with one chosen value, its growth, and how many documents and claims state it.
-- params: :district :year :indicator
-- columns: district TEXT, indicator_code TEXT, indicator_name TEXT, category TEXT, year INTEGER, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, quote TEXT, doc TEXT
--
-- One row per (district, indicator_code, year, unit). When several claims
-- fall in a row, the chosen one is: an actual figure before targets, plans
-- and forecasts; then the value the most documents state; then the latest
-- document (its year, date, key); then the first in the text.
-- values_stated is a JSON array of the distinct values stated for the row.
-- An empty parameter counts as unset (Datasette binds '' for blank fields).
WITH stated AS (
  SELECT c.id, c.doc, c.span_start, c.district, c.indicator_code, c.year, c.unit, c.value,
         c.growth_pct, c.modality, c.quote, d.year AS doc_year, coalesce(d.date, '') AS doc_date,
         (SELECT count(DISTINCT s.doc) FROM claims s
           WHERE s.district IS c.district AND s.indicator_code = c.indicator_code AND s.year IS c.year
             AND s.unit IS c.unit AND s.value IS c.value) AS support
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  LEFT JOIN indicators i ON i.code = c.indicator_code
  WHERE c.indicator_code IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY district, indicator_code, year, unit
                            ORDER BY modality = 'actual' DESC, support DESC, doc_year DESC, doc_date DESC,
                                     doc DESC, span_start) AS pick
  FROM stated
),
counted AS (
  SELECT district, indicator_code, year, unit, count(DISTINCT doc) AS documents, count(*) AS claims,
         json_group_array(DISTINCT value) FILTER (WHERE value IS NOT NULL) AS values_stated
  FROM (SELECT * FROM stated ORDER BY value)
  GROUP BY district, indicator_code, year, unit
)
SELECT r.district, r.indicator_code, i.name_zh AS indicator_name, i.category, r.year, r.modality,
       r.value, r.unit, r.growth_pct, n.documents, n.claims, n.values_stated, r.quote, r.doc
FROM ranked r
JOIN counted n ON n.district IS r.district AND n.indicator_code = r.indicator_code
              AND n.year IS r.year AND n.unit IS r.unit
LEFT JOIN indicators i ON i.code = r.indicator_code
WHERE r.pick = 1
ORDER BY r.district, i.category, r.indicator_code, r.year, r.unit
