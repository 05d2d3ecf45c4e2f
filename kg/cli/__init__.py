"""The ``kg`` command line: each command parses options and calls library functions.

One module per command group: :mod:`~kg.cli.pipeline` (ingest, extract, watch, eval),
:mod:`~kg.cli.querying` (query, entities, stories, stats), :mod:`~kg.cli.network` (export, analyze,
view, plot), :mod:`~kg.cli.curation` (merge, split, link) and :mod:`~kg.cli.admin` (validate, serve,
push, pull); :mod:`~kg.cli.options` holds the options they share.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli import admin, curation, network, pipeline, querying
from kg.errors import KgError


class _Group(click.Group):
    """Turns kg's own errors into one-line messages with their exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted; articles written so far are complete and kept.", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn news articles into an RDF knowledge graph of actors, events, reports and
    attributed statements, then query, analyse and export it.

    \b
    Typical session:
      kg ingest articles/            # read, extract, store (./kg-data)
      kg stats                       # what the store holds
      kg query --list                # named questions you can ask
      kg query statements            # who said what
      kg export --out graph.trig     # one named graph per article
    """
    import signal

    # Ctrl-C stops cleanly even when the parent started us with SIGINT ignored (background jobs).
    signal.signal(signal.SIGINT, signal.default_int_handler)


for group in (pipeline, querying, network, curation, admin):
    for command in group.COMMANDS:
        main.add_command(command)
