//! Evaluation against gold annotations (`ANNOTATION.md`'s gold format).
