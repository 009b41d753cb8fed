-- Which node counts every case anew, and until when (epoch seconds): one at a time on a cluster, the
-- claim renewed with each chunk, taken over when its node has stopped renewing it.
INSERT INTO statistics_state (name, value) VALUES ('recounting', 0);
