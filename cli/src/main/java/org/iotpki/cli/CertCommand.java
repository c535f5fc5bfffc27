package org.iotpki.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iotpki cert}: inspect and verify certificates. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description = "Inspect and verify X.509 certificates (PEM or DER, detected).",
    subcommands = {CertShowCommand.class, CertVerifyCommand.class, CertValidateCommand.class})
final class CertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE_OR_INPUT;
  }
}
