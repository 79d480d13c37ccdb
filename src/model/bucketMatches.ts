import type { BucketFilter } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';

/** Whether a bucket is one a feature (or a rate's denominator) reads: same signal, and topic/action when given. */
export function bucketMatches(filter: BucketFilter, bucket: ProfileBucket): boolean {
  return (
    bucket.signal === filter.signal &&
    (filter.topic === undefined || bucket.topic === filter.topic) &&
    (filter.action === undefined || bucket.action === filter.action)
  );
}
