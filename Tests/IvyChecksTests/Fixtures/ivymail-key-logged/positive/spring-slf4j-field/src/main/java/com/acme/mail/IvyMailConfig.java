package com.acme.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
public class IvyMailConfig {
    private static final Logger log = LoggerFactory.getLogger(IvyMailConfig.class);

    @Value("${ivymail.api-key}")
    private String ivymailApiKey;

    @jakarta.annotation.PostConstruct
    void init() {
        log.info("IvyMail configured, key={}", ivymailApiKey);
    }
}
