SELECT until, reason FROM provider_pauses WHERE provider = 'hunter' AND until > now()
