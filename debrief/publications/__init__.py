"""Case studies, magazine issues, the case factor table and the force response log."""

# Every case study and question written through the ORM is indexed for search in the same flush.
from debrief.publications import search_index as _search_index  # noqa: E402

_search_index.install()
