// name: papers
// description: The papers in the graph, with the drugs, genes, variants, diseases and trials each mentions and how many statements it supports.
// param: paper (string, default null): only this paper id
// example: kg papers --format json
MATCH (p:Publication)
WHERE $paper IS NULL OR p.paperId = $paper
OPTIONAL MATCH (p)<-[:IN_PUBLICATION]-(:Evidence)-[:SUPPORTS]->(s:Statement)
WITH p, count(DISTINCT s) AS statements
RETURN p.paperId AS paper,
       p.title AS title,
       p.journal AS journal,
       p.year AS year,
       p.pmid AS pmid,
       p.doi AS doi,
       [(p)-[:MENTIONS]->(d:Drug) | d.name] AS drugs,
       [(p)-[:MENTIONS]->(nd:Drug) WHERE nd.isNew | nd.name] AS new_drugs,
       [(p)-[:MENTIONS]->(g:Gene) | g.name] AS genes,
       [(p)-[:MENTIONS]->(v:Variant) | {gene: v.gene, change: v.change}] AS variants,
       [(p)-[:MENTIONS]->(x:Disease) | x.name] AS diseases,
       [(p)-[:MENTIONS]->(t:ClinicalTrial) | t.name] AS trials,
       statements
ORDER BY paper
