package vn.gov.eid.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.platform.http.BodyLimits;

/** One small limit for every endpoint (eid.sms.limits.body-bytes): operator actions are small. */
@ApplicationScoped
public class SmsBodyLimits implements BodyLimits {

    @Inject
    SmsConfig config;

    @Override
    public long limitFor(Method resourceMethod) {
        return config.limits().bodyBytes();
    }
}
