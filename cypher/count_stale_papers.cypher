// How many papers wait for their similarity lists, and how many papers there are (both from
// the count store): a refresh makes every list at once when many wait.
RETURN COUNT { (:Paper:Stale) } AS stale, COUNT { (:Paper) } AS papers
