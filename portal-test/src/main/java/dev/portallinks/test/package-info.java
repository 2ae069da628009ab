/**
 * Testing an application that uses Portal Links without Paddle: {@link dev.portallinks.test.PaddleSimulator}, a
 * Paddle Billing API on 127.0.0.1 (wire format, seeding, faults, recording), and
 * {@link dev.portallinks.test.PaddleSimulatorExtension} for JUnit 5.
 */
package dev.portallinks.test;
