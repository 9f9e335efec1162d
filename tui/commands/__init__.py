"""One module per subcommand of ``cables``; each exposes ``run(args) -> int``."""
