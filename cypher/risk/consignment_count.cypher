// title: Count of consignments
// purpose: How many consignments the store holds (from the count store, instant): the consignment facts reader sizes its id ranges by it.
// mode: read
MATCH (c:Consignment)
RETURN count(c) AS consignments
