"""Ukrainian in the extractor: a named addition beside the English rules.

Numbers (numbers.py), hedges, groups, event cues (events.py) and their framing, time
frames (dates.py) and place names in any case (declension.py, places.py, placing.py),
tied together by engine.py. Shared with English: the figure model, text cleaning,
sentence splitting, restatement dropping, the gazetteer and its short names.
"""

from tracker.extract.uk.engine import extract_uk

__all__ = ["extract_uk"]
