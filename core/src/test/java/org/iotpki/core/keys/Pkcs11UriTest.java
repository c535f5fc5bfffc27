// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7512 PKCS#11 URIs, with the RFC's own examples (section 3.3) where they name a key. */
class Pkcs11UriTest {

  @Test
  void readsTokenObjectIdAndQueryAttributes() {
    Pkcs11Uri uri = Pkcs11Uri.parse(
        "pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;object=my-key;id=%01%FF;type=private"
            + "?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=/run/pin");

    assertThat(uri.token()).contains("The Software PKCS#11 Softtoken");
    assertThat(uri.object()).isEqualTo("my-key");
    assertThat(uri.id()).hasValueSatisfying(id -> assertThat(id).containsExactly(0x01, 0xFF));
    assertThat(uri.modulePath()).contains(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
    assertThat(uri.pin()).isPresent();
    assertThat(uri.slotId()).isEmpty();
  }

  @Test
  void theRfcExampleWithAPinValueGivesThatPin() {
    Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:object=my-sign-key;type=private?pin-value=1234&module-path=/usr/lib/libfoo.so");

    assertThat(new String(uri.pin().orElseThrow().pin())).isEqualTo("1234");
    assertThat(uri.toString()).doesNotContain("1234");
  }

  @Test
  void aPinSourceFileGivesItsFirstLine(@TempDir Path directory) throws Exception {
    Path pin = Files.writeString(directory.resolve("pin"), "4711\n");
    Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:token=t;object=k?pin-source=" + pin.toUri());

    assertThat(new String(uri.pin().orElseThrow().pin())).isEqualTo("4711");
  }

  @Test
  void anEnvironmentPinSourceNamesAnUnsetVariableWithoutAValue() {
    Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:token=t;object=k?pin-source=env:IOTPKI_TEST_UNSET_PIN");

    assertThatThrownBy(() -> uri.pin().orElseThrow().pin())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IOTPKI_TEST_UNSET_PIN");
  }

  @Test
  void aSlotIdSelectsTheTokenWhenThereIsNoLabel() {
    Pkcs11Uri uri = Pkcs11Uri.parse("pkcs11:slot-id=1739012416;object=k");

    assertThat(uri.slotId()).hasValue(1739012416L);
    assertThat(uri.token()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "pkcs12:object=k",                       // another scheme
      "pkcs11:token=t",                        // no key
      "pkcs11:token=t;id=%01",                 // a key by id alone: SunPKCS11 finds keys by label
      "pkcs11:token=t;object=k;object=l",      // repeated attribute
      "pkcs11:token=t;object=k;serial=42",     // an attribute iotpki cannot match on
      "pkcs11:token=t;object=k;colour=red",    // not an RFC 7512 attribute
      "pkcs11:token=t;object=k;pin-value=1",   // a query attribute in the path
      "pkcs11:token=t;object=k;type=cert",     // not a private key
      "pkcs11:token=t;object=k%2",             // truncated percent-encoding
      "pkcs11:token=t;object=k%zz",            // bad percent-encoding
      "pkcs11:token=t;object=a b",             // a space must be percent-encoded
      "pkcs11:token=t;object=%FF",             // not UTF-8
      "pkcs11:slot-id=0x1;object=k",           // slot-id is decimal
      "pkcs11:token=t;object",                 // no value
  })
  void refusesWhatItCannotHonour(String uri) {
    assertThatThrownBy(() -> Pkcs11Uri.parse(uri)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnOverlongUriBeforeReadingIt() {
    assertThatThrownBy(() -> Pkcs11Uri.parse("pkcs11:object=" + "k".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void aUriWithoutTokenOrSlotCannotMakeAToken() {
    assertThatThrownBy(() -> Pkcs11Uri.parse("pkcs11:object=k").tokenBuilder())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no token");
  }
}
