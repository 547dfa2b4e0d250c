// name: new-terms
// description: Drugs the lexicon does not know, recognised by an INN stem or an investigational code: for curators to confirm and teach (kg lexicon add).
// example: kg query new-terms
MATCH (p:Publication)-[:MENTIONS]->(d:Drug)
WHERE d.isNew
RETURN d.name AS drug,
       d.kind AS kind,
       [(d)-[:MEMBER_OF]->(cls:DrugClass) | cls.name] AS classes,
       [(d)-[:TARGETS]->(g:Gene) | g.name] AS targets,
       collect(DISTINCT p.paperId) AS papers
ORDER BY drug
