// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code iotpki} command. */
@Command(
    name = "iotpki",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "PKI for IoT device identity.",
      "Certificates and chains today; the whole device lifecycle as the project grows."
    },
    subcommands = {
      CertCommand.class, C509Command.class, MatterCommand.class, PqcCommand.class, EstCommand.class, ScepCommand.class, CmpCommand.class,
      AcmeCommand.class,
      AuditCommand.class, AgentCommand.class, RevocationCommand.class, OcspCommand.class,
      FleetCommand.class, HsmCommand.class,
      TestkitCommand.class, DemoCommand.class, CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success/valid, 1 invalid/rejected, 2 usage or input error, 3 pending."
    })
public final class Main extends CommandGroup {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          String message = exception.getMessage();
          if (Arrays.asList(arguments).contains("--json")) {
            out.println(Json.write(Output.errorObject(message)));
            out.flush();
          }
          err.println("iotpki: " + message);
          exception.getCommandLine().usage(err);
          err.flush();
          return ExitCode.USAGE_OR_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> {
          // A bug, not bad input: say so plainly; the stack trace only on request.
          err.println("iotpki: internal error: " + exception);
          if (System.getenv("IOTPKI_DEBUG") != null) {
            exception.printStackTrace(err);
          }
          err.flush();
          return ExitCode.USAGE_OR_INPUT;
        });
    return commandLine.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"iotpki " + (version == null ? "(development build)" : version)};
    }
  }
}
