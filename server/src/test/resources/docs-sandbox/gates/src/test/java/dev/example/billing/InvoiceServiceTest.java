package dev.example.billing;

// The test class of the sample JUnit report: ce gate finds a failing test's file from its class name.
class InvoiceServiceTest {
}
