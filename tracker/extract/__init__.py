"""Read evacuation figures out of report text.

`extract(text, published=..., source=..., url=..., doc_id=..., lang=...)` returns an
`Extraction`: the language whose rules read the text (English, or Ukrainian in
tracker/extract/uk/; "auto" detects it per document, see language.py), the figures
(`ExtractedFigure`, one per figure, with the rules that read it and the exact evidence
span) and the housing programmes the text mentions. The annotation guidelines in
../shared/eval/README.md are the specification; each module reads one noun of it:
numbers, hedges, sentences, groups, events, distractors, dates, placing, restatements,
programmes, and readings/framing/engine tie them together with named rules.
"""

from tracker.extract.engine import extract
from tracker.extract.figure import ExtractedFigure, Extraction
from tracker.extract.language import Language, detect_language

__all__ = ["ExtractedFigure", "Extraction", "Language", "detect_language", "extract"]
