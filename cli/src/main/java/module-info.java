// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/** The iotpki command-line tool. Runs from its shaded jar on the class path; described as a module too. */
module org.iotpki.cli {
  requires org.iotpki.core;
  requires org.iotpki.matter;
  requires org.iotpki.pqc;
  requires org.iotpki.est;
  requires org.iotpki.scep;
  requires org.iotpki.cmp;
  requires org.iotpki.acme;
  requires org.iotpki.testkit;
  requires info.picocli;

  opens org.iotpki.cli to info.picocli;
}
