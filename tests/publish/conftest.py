"""March 2026's hand-built tickets (see tests/metrics/conftest.py), read in
June 2026, and what the publication says of them.

Every target is the default 80%. From the stories there:

Response    met                 breached        compliance
  highest   T6                  -               1/1 = 100.0%  met
  high      T3                  T8              1/2 =  50.0%  missed
  medium    T1 T5 T9            T2              3/4 =  75.0%  missed
  low       T10                 T4              1/2 =  50.0%  missed
  lowest    -                   T7              0/1 =   0.0%  missed
  overall   6                   4               6/10 = 60.0%  missed
Resolution
  highest   T6                  -               1/1 = 100.0%  met
  high      T8                  T3              1/2 =  50.0%  missed
  medium    T1                  T2 T5 T9        1/4 =  25.0%  missed
  low       T10 (T4 paused)     -               1/1 = 100.0%  met
  lowest    - (T7 running)      -               not measured
  overall   4                   4               4/8 =  50.0%  missed

Completed: every ticket but T4 (waiting) and T7 (untouched): 8 of 10.
"""

from tests.metrics.conftest import after_the_story, march

__all__ = ["after_the_story", "march"]
