-- title: Claims by document
-- description: How many claims each document holds, by modality and unit dimension, with how many have an indicator code and a growth rate.
-- params: :district :year
-- columns: doc TEXT, title TEXT, doc_year INTEGER, doc_district TEXT, modality TEXT, unit_dimension TEXT, claims INTEGER, with_indicator_code INTEGER, with_growth INTEGER, pct_of_document REAL
--
-- :district and :year filter on the document's (manifest) district and
-- year. unit_dimension is 'none' for a bare rate of change.
-- pct_of_document: the row's share of the document's claims.
SELECT d.doc, d.title, d.year AS doc_year, d.district AS doc_district, c.modality,
       coalesce(c.unit_dimension, 'none') AS unit_dimension, count(*) AS claims,
       count(c.indicator_code) AS with_indicator_code, count(c.growth_pct) AS with_growth,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY d.doc), 1) AS pct_of_document
FROM documents d
JOIN claims c ON c.doc = d.doc
WHERE (nullif(:district, '') IS NULL OR d.district = :district)
  AND (nullif(:year, '') IS NULL OR d.year = CAST(:year AS INTEGER))
GROUP BY d.doc, c.modality, coalesce(c.unit_dimension, 'none')
ORDER BY d.doc, c.modality, claims DESC, unit_dimension
