package vn.gov.eid.dossier.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.platform.http.BodyLimits;
import vn.gov.eid.platform.http.LargeBody;

/** The small default everywhere, the biometrics limit on the endpoint marked {@link LargeBody}. */
@ApplicationScoped
public class DossierBodyLimits implements BodyLimits {

    @Inject
    DossierConfig config;

    @Override
    public long limitFor(Method resourceMethod) {
        return resourceMethod != null && resourceMethod.isAnnotationPresent(LargeBody.class)
                ? config.limits().biometricsBodyBytes()
                : config.limits().bodyBytes();
    }
}
