"""`python -m debrief.anonymise --input IN.jsonl --output OUT.jsonl`."""
from .batch import main

raise SystemExit(main())
