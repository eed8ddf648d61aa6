package io.sourced.command.finance;

import io.sourced.api.finance.CustomerId;

record CustomerIdResponse(CustomerId customerId) {}
