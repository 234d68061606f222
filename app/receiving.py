"""What the receiver tells the core's listeners (Monitor.receiver listeners,
the window's receiverEvent signal), and where it takes Gensee's callbacks."""
from receiver.events import (HeldPromoted, PushDuplicate, PushHeld, PushRefused, PushStored,  # noqa: F401
                             ReceiverEvent, StorageFailed)
from receiver.gensee import base_path  # noqa: F401
