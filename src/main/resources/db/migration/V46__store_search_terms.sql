-- Search (issue 16, item 6): on PostgreSQL each entry's full-text vector is stored beside its text and indexed,
-- in place of V40's index over the expression. Ranking and phrase matching read the vector; from the
-- expression index they had to parse every candidate's text again (a phrase search rechecked every entry
-- holding both words, ranking parsed every entry ranked). On H2, which has no full-text vector, nothing
-- changes. Set per database kind by a Flyway placeholder (application.properties), as V40's index is.
${search_terms}
