// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki acme enroll --directory URL --domain D [--domain D...] --out DIR ...}. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
    description = {
      "Order a certificate for DNS names and IP addresses, answering http-01 on --http-port.",
      "The account is the key in --account (made if missing); with --eab-kid and --eab-hmac a new",
      "account is bound to the CA's external account. Without --key a new key of --key-type goes",
      "to DIR/key.pem; DIR gets cert.pem and chain.pem, or pending.state while the order is",
      "processing. Exit 0 issued, 1 rejected, 2 usage, input or transport error, 3 pending."
    })
final class AcmeEnrollCommand extends AcmeEnrollmentCommand {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  @Option(names = "--domain", required = true, paramLabel = "D",
      description = "A DNS name or IP address to certify (repeatable); the first is the subject CN.")
  List<String> domains;

  @Mixin RequestKeyOptions requestKey;

  @Option(names = "--eab-kid", paramLabel = "K",
      description = "The key identifier of the CA's external account binding.")
  String eabKeyId;

  @Option(names = "--eab-hmac", paramLabel = "H",
      description = "The HMAC key of the external account binding (base64url).")
  String eabHmac;

  @Override
  int execute() throws IOException, PkiParseException {
    EnrollmentRequest request;
    AcmeEnrollmentClient.Builder builder;
    try {
      if ((eabKeyId == null) != (eabHmac == null)) {
        throw new IllegalArgumentException("--eab-kid and --eab-hmac go together");
      }
      List<GeneralName> names = new ArrayList<>();
      for (String domain : domains) {
        names.add(IP_LITERAL.matcher(domain).matches()
            ? GeneralName.ip(InetAddress.getByName(domain)) : GeneralName.dns(domain));
      }
      EnrollmentKey enrollmentKey = requestKey.enrollmentKey();
      request = EnrollmentRequest.builder().subject("CN=" + domains.get(0))
          .subjectAltNames(names.toArray(GeneralName[]::new)).key(enrollmentKey).build();
      Files.createDirectories(out);
      builder = server.client(AcmeServerOptions.accountKey(accountFile()));
      if (eabKeyId != null) {
        builder.externalAccountBinding(eabKeyId, AcmeServerOptions.hmacKey(eabHmac));
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    try (Http01Responder http01 = AcmeServerOptions.http01(httpPort)) {
      AcmeEnrollmentClient client = builder.responder(http01).build();
      return enroll(policy -> policy.enroll(client, request), pollCommand());
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
  }
}
