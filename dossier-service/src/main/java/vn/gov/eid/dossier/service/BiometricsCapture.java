package vn.gov.eid.dossier.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.gov.eid.dossier.domain.Finger;

/** A biometrics capture as the devices produced it: a JPEG portrait and per-finger templates, base64. */
public record BiometricsCapture(
        @NotBlank String portrait, @NotNull @Size(max = 10) List<@Valid @NotNull FingerprintCapture> fingerprints) {

    /** One finger's template as the capture device produced it. */
    public record FingerprintCapture(
            @NotNull Finger finger,
            @NotBlank String template,
            @Min(0) @Max(100) int quality) {}
}
