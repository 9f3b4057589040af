package io.payreports.cli;
public class PayreportsCommand { public static void main(String[] a) {} }
