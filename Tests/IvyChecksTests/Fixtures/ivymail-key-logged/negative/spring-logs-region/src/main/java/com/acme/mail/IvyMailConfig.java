package com.acme.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

public class IvyMailConfig {
    private static final Logger log = LoggerFactory.getLogger(IvyMailConfig.class);

    @Value("${ivymail.api-key}")
    private String ivymailApiKey;

    @Value("${ivymail.region:eu}")
    private String ivymailRegion;

    void init() {
        log.info("IvyMail client initialised for region {}", ivymailRegion);
    }
}
