-- title: Claims by document
-- description: How many claims each document holds, by modality and unit dimension, with how many have an indicator code and a growth rate.
-- params: :district :year
-- columns: doc TEXT, title TEXT, doc_year INTEGER, doc_district TEXT, modality TEXT, unit_dimension TEXT, claims INTEGER, with_indicator_code INTEGER, with_growth INTEGER
--
-- One row per document, modality and unit dimension, in that order.
-- :district and :year filter on the document's (manifest) district and
-- year. unit_dimension is 'none' for a bare rate of change (it comes
-- first).
--
-- One pass over the index claims_kind (schema/004_report_indexes.sql); the
-- outer query only adds the document's title, year and district from the
-- index documents_info (no second sort).
WITH kinds AS (
  SELECT c.doc, c.modality, c.unit_dimension, count(*) AS claims,
         count(c.indicator_code) AS with_indicator_code, count(c.growth_pct) AS with_growth
  FROM claims c INDEXED BY claims_kind
  WHERE (nullif(:district, '') IS NULL AND nullif(:year, '') IS NULL)
     OR c.doc IN (SELECT doc FROM documents
                  WHERE (nullif(:district, '') IS NULL OR district = :district)
                    AND (nullif(:year, '') IS NULL OR year = CAST(:year AS INTEGER)))
  GROUP BY c.doc, c.modality, c.unit_dimension
  ORDER BY c.doc, c.modality, c.unit_dimension
)
SELECT k.doc, d.title, d.year AS doc_year, d.district AS doc_district, k.modality,
       coalesce(k.unit_dimension, 'none') AS unit_dimension, k.claims, k.with_indicator_code, k.with_growth
FROM kinds k
LEFT JOIN documents d INDEXED BY documents_info ON d.doc = k.doc
