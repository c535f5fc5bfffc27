package org.iotpki.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iotpki c509}: CBOR-encoded certificates. */
@Command(
    name = "c509",
    mixinStandardHelpOptions = true,
    description = "C509 (CBOR-encoded) certificates, draft-ietf-cose-cbor-encoded-cert-20.",
    subcommands = {C509EncodeCommand.class, C509DecodeCommand.class, C509ShowCommand.class})
final class C509Command implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE_OR_INPUT;
  }
}
