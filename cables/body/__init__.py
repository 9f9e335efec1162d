"""Fields of a cable body: page markers, header lines, references, subject, summary,
classified-by, signer and numbered paragraphs."""
