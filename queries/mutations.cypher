// name: mutations
// description: Variants by gene with HGVS protein notation, the diseases they were reported in, their frequency where a paper gives one, and the papers.
// param: gene (string, default null): HGNC symbol, e.g. NRAS
// example: kg query mutations --gene NRAS
MATCH (v:Variant)-[:VARIANT_OF]->(g:Gene)
WHERE $gene IS NULL OR toUpper(g.name) = toUpper($gene)
OPTIONAL MATCH (f:VariantFrequency)-[:OF_VARIANT]->(v)
OPTIONAL MATCH (f)-[:IN_DISEASE]->(fd:Disease)
WITH v, g, collect(DISTINCT f.frequency) AS frequencies, collect(DISTINCT fd.name) AS frequency_diseases
OPTIONAL MATCH (p:Publication)-[:MENTIONS]->(v)
OPTIONAL MATCH (p)-[:MENTIONS]->(x:Disease)
WITH v, g, frequencies, frequency_diseases, collect(DISTINCT p.paperId) AS papers, collect(DISTINCT x.name) AS diseases
RETURN g.name AS gene,
       v.change AS change,
       v.hgvs AS hgvs,
       frequency_diseases + [n IN diseases WHERE NOT n IN frequency_diseases] AS diseases,
       head(frequencies) AS frequency,
       papers
ORDER BY gene, change
