// name: outcomes
// description: Reported results (medians, rates, hazard ratios) per arm, with comparator, CI, p-value, subgroup, the landmark time of a survival rate, and the paper and sentence behind each.
// param: trial (string, default null): trial acronym, NCT id or key
// param: drug (string, default null): a drug of the arm (INN, code name or brand)
// param: endpoint (string, default null): PFS, OS, ORR, DOR or DCR
// param: include_rejected (bool, default false): keep statements a curator rejected
// example: kg query outcomes --drug binimetinib --endpoint PFS
OPTIONAL MATCH (q:Drug)
WHERE $drug IS NOT NULL AND (toLower(q.name) = toLower($drug) OR any(x IN coalesce(q.synonym, []) WHERE toLower(x) = toLower($drug)))
WITH CASE WHEN $drug IS NULL THEN null ELSE coalesce(q.name, $drug) END AS drug
MATCH (e:Evidence)-[:SUPPORTS]->(o:Outcome)
WHERE ($include_rejected OR e.curatorStatus <> 'rejected')
  AND ($endpoint IS NULL OR o.endpoint = toUpper($endpoint))
  AND (drug IS NULL OR any(n IN o.drugs WHERE toLower(n) = toLower(drug)))
MATCH (e)-[:IN_PUBLICATION]->(p:Publication)
OPTIONAL MATCH (o)-[:IN_TRIAL]->(t:ClinicalTrial)
WITH o, t, e, p
WHERE $trial IS NULL OR toLower($trial) IN [toLower(t.name), toLower(t.acronym), toLower(t.nct)]
WITH o, t, e, p ORDER BY p.paperId, e.start
WITH o, t, collect(e) AS evidence, collect(DISTINCT p.paperId) AS papers
RETURN CASE WHEN t.minted THEN null ELSE coalesce(t.acronym, t.nct, t.name) END AS trial,
       t.name AS trial_key,
       o.drugs AS arm,
       o.comparatorDrugs AS comparator,
       o.endpoint AS endpoint,
       o.measure AS measure,
       o.value AS value,
       o.unit AS unit,
       o.ciLow AS ci_low,
       o.ciHigh AS ci_high,
       o.pValue AS p_value,
       o.pOperator AS p_operator,
       o.subgroup AS subgroup,
       o.timepoint AS timepoint,
       head(papers) AS paper,
       head(evidence).text AS sentence,
       head(evidence).rule AS rule,
       head(evidence).negated AS negated,
       head(evidence).hedged AS hedged,
       papers,
       o.uri AS statement
ORDER BY trial_key, endpoint, measure, subgroup, value DESC
