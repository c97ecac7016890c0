package com.acme.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "ivymail")
public record IvyMailProperties(String baseUrl, String apiKey, String from) {}
