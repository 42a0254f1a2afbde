/**
 * The {@code ashlar} command line: {@link dev.ashlar.cli.AshlarCommand} and its subcommands
 * ({@code inspect}, {@code diff}, {@code erd}, {@code explain}, {@code quickstart}, and the migration commands of
 * {@link dev.ashlar.cli.MigrationCommands}), with the
 * conventions they share: {@link dev.ashlar.cli.ExitCodes}, {@link dev.ashlar.cli.DatabaseOptions},
 * {@link dev.ashlar.cli.ProjectFile}, {@link dev.ashlar.cli.Json} output and
 * {@link dev.ashlar.cli.Style}. Not API: the interface is the commands themselves (their options,
 * output and exit statuses, which the README documents), not these Java classes, which may change
 * in any release.
 */
package dev.ashlar.cli;
