// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a token's slot by its label. SunPKCS11's configuration names a slot, not a token, and the
 * JDK offers no API for token labels; its internal PKCS#11 wrapper does, once the application
 * exports it to iotpki ({@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=org.iotpki.core}, or {@code =ALL-UNNAMED} on
 * the class path; the {@code iotpki} jar's manifest does this). Without it, name the slot.
 */
final class TokenSlots {
  private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

  private TokenSlots() {}

  /**
   * The id of the slot whose token has this label.
   *
   * @throws IllegalArgumentException if no token, or more than one, has the label
   * @throws IllegalStateException if the JDK's PKCS#11 wrapper is not exported to iotpki, or the
   *     module cannot be loaded
   */
  static long slotOf(Path library, String tokenLabel) {
    List<Long> matching = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try {
      Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
      Class<?> initializeArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
      // The same cached instance SunPKCS11 uses for this library, so C_Initialize runs once.
      Object module = pkcs11
          .getMethod("getInstance", String.class, String.class, initializeArgs, boolean.class)
          .invoke(null, library.toString(), "C_GetFunctionList", null, false);
      Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
      for (long slot : (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true)) {
        Object info = tokenInfo.invoke(module, slot);
        String label = new String((char[]) info.getClass().getField("label").get(info)).strip();
        labels.add(label);
        if (label.equals(tokenLabel)) {
          matching.add(slot);
        }
      }
    } catch (IllegalAccessException | ClassNotFoundException | NoSuchMethodException
        | NoSuchFieldException e) {
      throw new IllegalStateException("a token can be found by its label only when the JDK's"
          + " PKCS#11 wrapper is exported to iotpki (--add-exports"
          + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=org.iotpki.core, or =ALL-UNNAMED"
          + " on the class path); otherwise name the slot", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot list the tokens of PKCS#11 module " + library + ": " + e.getCause(), e.getCause());
    }
    if (matching.size() != 1) {
      throw new IllegalArgumentException((matching.isEmpty() ? "no" : "more than one")
          + " token labelled '" + tokenLabel + "' in " + library + " (tokens: " + labels + ")");
    }
    return matching.get(0);
  }
}
