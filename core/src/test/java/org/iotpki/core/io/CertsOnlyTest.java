// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.testing.Issuer;
import org.iotpki.core.testing.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certs-only PKCS#7 against OpenSSL's crl2pkcs7 and pkcs7 commands, both directions. */
class CertsOnlyTest {
  @TempDir Path dir;

  private List<X509Certificate> chain() throws Exception {
    Issuer root = Issuer.root("CN=Root,O=iotpki test", KeyAlgorithm.EC_P256);
    Issuer intermediate = root.intermediate("CN=Intermediate,O=iotpki test");
    return List.of(intermediate.leaf("CN=device").certificate(), intermediate.certificate(),
        root.certificate());
  }

  @Test
  void readsWhatOpenSslCrl2Pkcs7Writes() throws Exception {
    List<X509Certificate> chain = chain();
    Files.writeString(dir.resolve("chain.pem"), PemEncoder.certificates(chain));
    OpenSsl.Result result = OpenSsl.run(
        dir, "crl2pkcs7", "-nocrl", "-certfile", "chain.pem", "-outform", "DER", "-out", "p7.der");
    assertThat(result.exitCode()).as(result.output()).isZero();

    List<X509Certificate> read = CertsOnly.decode(Files.readAllBytes(dir.resolve("p7.der")));

    assertThat(read).containsExactlyInAnyOrderElementsOf(chain);
  }

  @Test
  void openSslReadsWhatWeWrite() throws Exception {
    List<X509Certificate> chain = chain();
    Files.write(dir.resolve("p7.der"), CertsOnly.encode(chain));

    OpenSsl.Result result =
        OpenSsl.run(dir, "pkcs7", "-inform", "DER", "-in", "p7.der", "-print_certs");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout())
        .contains("subject=CN = device")
        .contains("subject=O = iotpki test, CN = Intermediate")
        .contains("subject=O = iotpki test, CN = Root");
  }

  @Test
  void roundTripsAnEmptyMessage() throws Exception {
    assertThat(CertsOnly.decode(CertsOnly.encode(List.of()))).isEmpty();
  }

  @Test
  void refusesOtherContentTruncationAndTrailingBytes() throws Exception {
    byte[] message = CertsOnly.encode(chain());
    assertThatThrownBy(() -> CertsOnly.decode(Arrays.copyOf(message, message.length - 10)))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CertsOnly.decode(Arrays.copyOf(message, message.length + 1)))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CertsOnly.decode(chain().get(0).getEncoded()))
        .isInstanceOf(PkiParseException.class);
    assertThatThrownBy(() -> CertsOnly.decode(new byte[0])).isInstanceOf(PkiParseException.class);
  }
}
