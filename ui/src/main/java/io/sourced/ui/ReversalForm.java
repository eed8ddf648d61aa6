package io.sourced.ui;

import jakarta.validation.constraints.NotBlank;

/** The deposit to take back, and why. */
public class ReversalForm {

    @NotBlank(message = "choose a deposit")
    private String transactionId;

    @NotBlank(message = "is required")
    private String reason;

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
